/**
 * Runs an HTTP load in its own process, so neither the load generator's CPU
 * nor its memory is counted as the server's: the server's RSS is then the
 * benchmark process's own. It uses node:http with a keep-alive agent of one
 * socket per connection: fetch (undici's WHATWG streams) spends several times
 * more CPU per request, which on a two-core machine is taken from the server
 * it is measuring.
 *
 * A GET counts when it answers 200; a POST (`body` set) when it answers 201.
 * Every other status is an error; 503s (admission control refusing work) are
 * counted apart as well.
 */
import http from 'node:http';
import { runLoad, type LoadResult } from './load.js';

export interface HttpLoadJob {
  urls: string[];
  cookie: string;
  /** One cookie per URL (the portal: each reader's own session); `cookie` for every URL when absent. */
  cookies?: string[];
  concurrency: number;
  seconds: number;
  /** A POST of this JSON body with these headers (cookie, CSRF, content type); a GET when absent. */
  post?: { body: string; headers: Record<string, string> };
}

export interface HttpLoadResult extends LoadResult {
  /** Answers 503 (overload refused), included in `errors`. */
  unavailable: number;
}

let unavailable = 0;

function call(agent: http.Agent, index: number, job: HttpLoadJob): Promise<void> {
  const url = job.urls[index]!;
  const cookie = job.cookies?.[index] ?? job.cookie;
  return new Promise((resolve, reject) => {
    const expected = job.post === undefined ? 200 : 201;
    const options = job.post === undefined
      ? { agent, headers: { cookie } }
      : { agent, method: 'POST', headers: { ...job.post.headers, 'content-length': Buffer.byteLength(job.post.body).toString() } };
    const request = http.request(url, options, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => {
        if (response.statusCode === expected) resolve();
        else {
          if (response.statusCode === 503) unavailable += 1;
          reject(new Error(`status ${response.statusCode}`));
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(job.post?.body);
  });
}

process.once('message', (job: HttpLoadJob) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  void runLoad((worker, i) => call(agent, (worker * 7919 + i * 104_729) % job.urls.length, job), job).then((result) => {
    agent.destroy();
    const answer: HttpLoadResult = { ...result, unavailable };
    process.send?.(answer, () => process.exit(0));
  });
});
