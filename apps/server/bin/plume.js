#!/usr/bin/env node
// The `plume` command for hosts: runs the TypeScript CLI through tsx, as the server itself runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
