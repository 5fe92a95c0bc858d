/**
 * Runs an HTTP load in its own thread, so the load generator's own work does
 * not share the server's event loop and distort its figures.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runLoad } from './load.js';

export interface HttpLoadJob {
  urls: string[];
  cookie: string;
  concurrency: number;
  seconds: number;
}

const job = workerData as HttpLoadJob;
const result = await runLoad(async (worker, i) => {
  const url = job.urls[(worker * 7919 + i * 104_729) % job.urls.length]!;
  const response = await fetch(url, { headers: { cookie: job.cookie } });
  if (response.status !== 200) throw new Error(`status ${response.status}`);
  await response.arrayBuffer();
}, job);
parentPort?.postMessage(result);
