// A Node client of the browser shell's WebSocket API (the protocol renderer/api/ws-client.ts speaks):
// call(method, params) → value or a thrown error with the API's code and message; events to a handler.
'use strict';
const WebSocket = require('ws');

async function connectApi(tokenUrl, onEvent = () => {}) {
  const url = new URL(tokenUrl);
  const token = url.hash.slice('#token='.length);
  const ws = new WebSocket(`ws://${url.host}/api`, ['lun-studio.v1', `lun-studio.token.${token}`], {
    headers: { Origin: url.origin },
    maxPayload: 1024 * 1024 * 1024,
  });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map();
  let nextId = 1;
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    if ('event' in message) return onEvent(message.event);
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.result.ok) call.resolve(message.result.value);
    else {
      const e = message.result.error;
      call.reject(Object.assign(new Error(`${e.code}: ${e.message}`), e));
    }
  });
  const call = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify(params === undefined ? { id, method } : { id, method, params }));
    });
  return { call, close: () => ws.close() };
}

/** Queues `total` creations in batches of 64 (the API's batch limit), round robin over the subsystems. */
async function createMany(api, subsystemIds, total, sizeBytes) {
  const batches = [];
  for (let i = 0; i * 64 < total; i += 1) {
    const count = Math.min(64, total - i * 64);
    const request = { subsystemId: subsystemIds[i % subsystemIds.length], type: 'simple', sizeBytes };
    batches.push(api.call('createLuns', { request, count }));
  }
  const results = await Promise.all(batches);
  return results.flatMap((r) => r.operations);
}

module.exports = { connectApi, createMany };
