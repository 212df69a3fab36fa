/**
 * The @nestjs/cqrs face of the tenant commands. The bus needs a class to route on, so the
 * plain `{ type, data, metadata }` command travels inside one: `new ExecuteTenantCommand(cmd)`.
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TenantCommand } from './commands.js';
import { TenantCommandService, type TenantCommandResult } from './tenant-command.service.js';

export class ExecuteTenantCommand extends Command<TenantCommandResult> {
  constructor(readonly command: TenantCommand) {
    super();
  }
}

@CommandHandler(ExecuteTenantCommand)
export class ExecuteTenantCommandHandler implements ICommandHandler<ExecuteTenantCommand, TenantCommandResult> {
  constructor(private readonly service: TenantCommandService) {}

  execute({ command }: ExecuteTenantCommand): Promise<TenantCommandResult> {
    return this.service.handle(command);
  }
}
