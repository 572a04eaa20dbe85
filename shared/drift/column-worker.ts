/**
 * Worker thread entry (bundled as dist/drift-column-worker.js): measures one numeric column per
 * message with the same function the calling thread uses (numeric-column.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { TaskMessage, TaskReply } from '../threads/task-pool.js';
import { measureNumericColumn, type NumericColumnResult, type NumericColumnTask } from './numeric-column.js';

if (!parentPort) throw new Error('drift-column-worker.js is a worker thread entry; drift-check starts it');
const port = parentPort;

port.on('message', ({ id, task }: TaskMessage<NumericColumnTask>) => {
  let reply: TaskReply<NumericColumnResult>;
  try {
    reply = { id, result: measureNumericColumn(task) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
