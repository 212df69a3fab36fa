#!/usr/bin/env node
// Launcher only: the server is TypeScript compiled to dist (run `npm run build` first).
import '../dist/web-main.js';
