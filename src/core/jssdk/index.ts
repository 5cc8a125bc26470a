export {
  jsapiSignature,
  newNonceStr,
  withTicketShown,
  type JsapiSignature,
  type JsapiSignatureInput
} from './signature'
export { checkPageUrl, type CheckedPageUrl, type PageUrlFinding } from './page-url'
export {
  diagnoseSignature,
  type PageSignature,
  type SignatureCause,
  type SignatureDiagnosis
} from './diagnose'
export { checkNonceAndTimestamp, configSnippet, pageConfig, unixSeconds } from './wx-config'
export { JssdkService, maskTicket, type JssdkServiceDeps } from './jssdk-service'
export { jssdkHandlers } from './handlers'
