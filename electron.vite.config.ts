import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { contentSecurityPolicy } from './src/main/window'

/** Writes the window's CSP into index.html: the strict one in builds, the dev server's in `electron-vite dev`. */
function deskCsp(): Plugin {
  let dev = false
  return {
    name: 'desk-csp',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    transformIndexHtml: (html) => html.replace('%DESK_CSP%', contentSecurityPolicy(dev, 'meta'))
  }
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Headless serve: runs with plain `node out/main/serve.js serve …`, so nothing it imports may need Electron.
          serve: resolve(__dirname, 'src/cli/main.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything, emit CommonJS.
      externalizeDeps: false,
      // It runs before every page load; zod comes in with the contract, so it is worth minifying too.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    build: {
      // Minified: the window parses a third of the code at start-up (electron-vite leaves this off by default).
      minify: true,
      rolldownOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    },
    plugins: [react(), deskCsp()]
  }
})
