// Shared with the benchmark (tools/ports.ts).
export { freePort } from '../../tools/ports.js';
