/**
 * Runs an HTTP load in its own process, so neither the load generator's CPU
 * nor its memory is counted as the server's: the server's RSS is then the
 * benchmark process's own. It uses node:http with a keep-alive agent of one
 * socket per connection: fetch (undici's WHATWG streams) spends several times
 * more CPU per request, which on a two-core machine is taken from the server
 * it is measuring.
 */
import http from 'node:http';
import { runLoad } from './load.js';

export interface HttpLoadJob {
  urls: string[];
  cookie: string;
  concurrency: number;
  seconds: number;
}

function get(agent: http.Agent, url: string, cookie: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { cookie } }, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`status ${response.statusCode}`))));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

process.once('message', (job: HttpLoadJob) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  void runLoad((worker, i) => get(agent, job.urls[(worker * 7919 + i * 104_729) % job.urls.length]!, job.cookie), job).then((result) => {
    agent.destroy();
    process.send?.(result, () => process.exit(0));
  });
});
