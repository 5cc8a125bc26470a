import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './app/styles/theme.css'
import './app/styles/base.css'
import { App } from './app/app'
import { NoBridge } from './app/no-bridge'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// `window.desk` comes from the preload; opened in a plain browser the app would have nothing to talk to.
const hasBridge = (window as Partial<Window>).desk !== undefined

createRoot(root).render(<StrictMode>{hasBridge ? <App /> : <NoBridge />}</StrictMode>)
