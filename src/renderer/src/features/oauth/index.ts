export { OAuthWorkbench } from './oauth-workbench'
