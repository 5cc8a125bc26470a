export { RemoteTokenSource, type RemoteResult, type RemoteTarget, type RemoteCall } from './remote'
