export type { TestServer } from './start-test-server.ts';
export { createTestNote, startTestServer } from './start-test-server.ts';
export type { TestClient } from './y-websocket-client.ts';
export { connectTestClient } from './y-websocket-client.ts';
