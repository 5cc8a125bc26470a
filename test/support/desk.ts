import { createAesCipher, unavailableCipher } from '../../src/core/storage/aes-cipher'
import type { SecretCipher } from '../../src/core/ports'
import { createDeskServices, type DeskPorts, type DeskServices } from '../../src/compose/desktop'
import { confStoreFactory } from '../../src/core/storage'
import {
  DirectoryFileSaver,
  ManualPower,
  MemoryClipboard,
  PresetFileOpener,
  RecordingOpener,
  tempDir
} from './memory-ports'

export interface TestDesk {
  services: DeskServices
  clipboard: MemoryClipboard
  fileSaver: DirectoryFileSaver
  fileOpener: PresetFileOpener
  opener: RecordingOpener
  power: ManualPower
  dataDir: string
  cipher: SecretCipher
  close(): Promise<void>
}

export const TEST_DATA_KEY = 'test-data-key-0123456789abcdef'
/**
 * Stands in for the OS keychain, which stays the same across restarts of the desk: one key, one salt. Made
 * once, since the key derivation is deliberately slow.
 */
export const testKeychain: SecretCipher = createAesCipher(TEST_DATA_KEY, Buffer.from('test-keychain-salt'))

/** The real services on a fresh data folder, with in-memory platform ports. */
export async function startTestDesk(
  overrides: Partial<DeskPorts> & { encryption?: boolean; dataDir?: string } = {}
): Promise<TestDesk> {
  const dir = overrides.dataDir ? null : tempDir()
  const dataDir = overrides.dataDir ?? (dir as { path: string }).path
  const clipboard = new MemoryClipboard()
  const fileSaver = new DirectoryFileSaver(dataDir)
  const fileOpener = new PresetFileOpener()
  const opener = new RecordingOpener()
  const power = new ManualPower()
  const cipher =
    overrides.cipher ??
    (overrides.encryption === false ? unavailableCipher('test: no keychain') : testKeychain)
  const services = await createDeskServices({
    dataDir,
    storeFactory: confStoreFactory,
    clipboard,
    fileSaver,
    fileOpener,
    opener,
    power,
    systemLanguage: 'en-US',
    version: '0.0.0-test',
    sandbox: true,
    ...overrides,
    cipher
  })
  return {
    services,
    clipboard,
    fileSaver,
    fileOpener,
    opener,
    power,
    dataDir,
    cipher,
    async close() {
      await services.dispose()
      dir?.remove()
    }
  }
}
