/** The worker thread of `loadEndpointInWorker`: runs one load test and posts its report back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEndpoint, type LoadOptions } from './http-load.ts';

parentPort?.postMessage(await loadEndpoint(workerData as LoadOptions));
