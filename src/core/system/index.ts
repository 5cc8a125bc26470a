export { checkExternalUrl } from './external-url'
export { NoticeBoard } from './notices'
export { PreferencesService } from './preferences'
export { systemHandlers, type SystemHandlerDeps } from './handlers'
