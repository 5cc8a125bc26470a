export {
  MiniProgramService,
  maskSessionKey,
  type MiniProgramServiceDeps,
  type MiniProgramSimulator
} from './mini-program-service'
export { miniProgramHandlers } from './handlers'
