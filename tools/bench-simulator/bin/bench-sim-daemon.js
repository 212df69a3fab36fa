#!/usr/bin/env node
// Launcher only: the daemon is TypeScript compiled to dist (run `npm run build` first).
import '../dist/daemon-main.js';
