export { jsapiSignature, newNonceStr, type JsapiSignature, type JsapiSignatureInput } from './signature'
export { checkPageUrl, type CheckedPageUrl, type PageUrlFinding } from './page-url'
export {
  diagnoseSignature,
  type PageSignature,
  type SignatureCause,
  type SignatureDiagnosis
} from './diagnose'
