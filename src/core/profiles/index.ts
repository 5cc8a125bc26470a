export {
  ProfileService,
  SANDBOX_PROFILE_ID,
  type AppCredentials,
  type PushSettings,
  type SandboxBinding
} from './profile-service'
export { maskSecret } from './profile-secrets'
