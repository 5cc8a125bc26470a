export { openDeskStore, type DeskStore, type OpenedStore, type StoreFactory } from './desk-store'
export { confStoreFactory } from './conf-store'
export * from './schema'
