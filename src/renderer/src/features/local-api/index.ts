export { LocalApiPanel } from './local-api-panel'
export { LocalApiNavEntry } from './local-api-nav-entry'
export { loadLocalApi } from './local-api-commands'
export { receiveLocalApiRequests, receiveLocalApiStatus } from './local-api-store'
