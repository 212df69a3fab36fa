#!/usr/bin/env node
// Launcher: the compiled CLI lives in dist (run `npm run build` first).
import '../dist/main.js';
