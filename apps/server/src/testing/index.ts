export type { FaultyDocumentStore } from './faulty-document-store.ts';
export { createFaultyDocumentStore } from './faulty-document-store.ts';
export { noteText, typeInNote } from './note-text.ts';
export type { RawCollabSocket } from './raw-collab-socket.ts';
export { awarenessFrame, openRawCollabSocket, syncUpdateFrame } from './raw-collab-socket.ts';
export type { TestAccount, TestServer, TestServerOptions, TestShareLink } from './start-test-server.ts';
export {
  addTestMember,
  createTestAccount,
  createTestNote,
  createTestShareLink,
  sessionCookieOf,
  signInTestAccount,
  startTestServer,
} from './start-test-server.ts';
export type { TestApi, TestApiAnswer } from './test-api.ts';
export { testApi } from './test-api.ts';
export type { TestClient } from './y-websocket-client.ts';
export { connectTestClient } from './y-websocket-client.ts';
