export {
  ProfileService,
  SANDBOX_PROFILE_ID,
  maskSecret,
  type AppCredentials,
  type SandboxBinding
} from './profile-service'
