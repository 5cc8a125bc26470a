#!/usr/bin/env node
// `wechat-token-desk serve …`: headless serve, built by `npm run build` into out/main/serve.js.
import '../out/main/serve.js'
