/**
 * Email: the outbox that sends what events ask for. (Its verification routes are declared in
 * AppModule beside the other rate-limited routes, so they share one RateLimitGuard's budgets.)
 */
import { Module } from '@nestjs/common';
import { EmailOutbox } from './email-outbox.service.js';
import { SlowBuildWatch } from './slow-builds.js';

@Module({
  providers: [EmailOutbox, SlowBuildWatch],
  exports: [EmailOutbox],
})
export class EmailModule {}
