// A zero-latency OpenAI-compatible chat-completions server for benchmarks: answers every
// POST .../chat/completions at once with a valid {"sections":[...]} interpretation of all five sections,
// in the non-streaming chat.completion shape the OpenAI .NET SDK reads. Plain node, no packages, loopback only.
//
//   node fake-openai.js PORT [CHARS_PER_SECTION=1200]
//
// The answer is prepared once, so the fake costs the same for every request; GET /health answers 200.
'use strict';
const http = require('http');

const port = Number(process.argv[2]);
const charsPerSection = Number(process.argv[3] || 1200);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node fake-openai.js PORT [CHARS_PER_SECTION]');
  process.exit(2);
}

// Roughly the size of a built-in section at the standard length, so both paths carry similar text afterwards.
const sentence = 'The chart speaks of steady growth through patient work and generous friendships. ';
const text = sentence.repeat(Math.ceil(charsPerSection / sentence.length)).slice(0, charsPerSection).trim();
const keys = ['overview', 'planets', 'houses', 'aspects', 'elements'];
const content = JSON.stringify({ sections: keys.map((key) => ({ key, title: key[0].toUpperCase() + key.slice(1), text })) });

let served = 0;
function completion(model) {
  served += 1;
  return JSON.stringify({
    id: 'chatcmpl-bench-' + served,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 900, completion_tokens: 1500, total_tokens: 2400 },
    system_fingerprint: 'fp_bench',
  });
}

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`ok served=${served}\n`);
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method !== 'POST' || !req.url.endsWith('/chat/completions')) {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":{"message":"not found","type":"invalid_request_error"}}');
      return;
    }
    let model = 'bench-model';
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (body.stream) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end('{"error":{"message":"this fake does not stream","type":"invalid_request_error"}}');
        return;
      }
      model = body.model || model;
    } catch {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end('{"error":{"message":"invalid JSON","type":"invalid_request_error"}}');
      return;
    }
    const payload = completion(model);
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
    res.end(payload);
  });
});
server.keepAliveTimeout = 120000;
server.listen(port, '127.0.0.1', () => console.log(`fake OpenAI on http://127.0.0.1:${port}/v1`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
