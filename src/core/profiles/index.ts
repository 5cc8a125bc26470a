export {
  ProfileService,
  SANDBOX_PROFILE_ID,
  type AppCredentials,
  type SandboxBinding
} from './profile-service'
export { maskSecret } from './profile-secrets'
