#!/usr/bin/env node
/** `mail-catcher`: a local SMTP server and a web page of what it caught (used by `npm start`). */
import { Command } from 'commander';
import { startMailCatcher } from './catcher.js';

const opts = new Command()
  .name('mail-catcher')
  .description('Receive mail on a local SMTP port and show it on a local web page. Development only: no TLS, no authentication, loopback by default.')
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--smtp-port <port>', 'SMTP port', '1025')
  .option('--http-port <port>', 'web page port', '1080')
  .parse()
  .opts<{ host: string; smtpPort: string; httpPort: string }>();

const catcher = await startMailCatcher({ host: opts.host, smtpPort: Number(opts.smtpPort), httpPort: Number(opts.httpPort) });
process.stdout.write(`mail-catcher: SMTP ${catcher.smtpUrl}, mailbox ${catcher.httpUrl}\n`);
const stop = () => void catcher.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
