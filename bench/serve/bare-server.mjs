// The ceiling for any Node HTTP server on this machine: node:http reading the request body and
// answering a constant JSON body the size of a one-row inference response. Prints its port.
import { createServer } from 'node:http';

const body = JSON.stringify({ model_name: 'churn', model_version: 'v1', outputs: [{ name: 'probabilities', datatype: 'FP32', shape: [1, 2], data: [0.0027611851692199707, 0.99723881483078] }] });
const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
