/**
 * One line per event for people reading a timeline; never prints a secret. The wording lives in
 * @tlc/tenant-events (event-summary.ts) so the operations console says the same thing.
 */
export { summarizeEvent as summarize } from '@tlc/tenant-events';
