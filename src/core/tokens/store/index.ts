export type { TokenOwner, TokenStore } from './token-store'
export {
  EncryptedFileStore,
  encryptedTokenStore,
  type EncryptedFileStoreOptions,
  type SealedSection
} from './encrypted-file-store'
