// Every result code of the Document OCR API, as NHN lists them in
// https://docs.nhncloud.com/en/AI%20Service/OCR/en/document-ocr-error-code/,
// with a plain-language message in English and Korean and, where the user can act, what to do.
export interface Localised {
  en: string;
  ko: string;
}

export interface ResultCodeInfo {
  key: string;
  message: Localised;
  hint?: Localised;
}

const retryLater: Localised = {
  en: 'The service had an internal problem. Try again in a moment; if it keeps happening, contact NHN Cloud support.',
  ko: '서비스 내부 문제입니다. 잠시 후 다시 시도하고, 계속되면 NHN Cloud 고객 지원에 문의하세요.',
};
const checkImage: Localised = {
  en: 'Use a clear, well-lit JPEG or PNG photo of the whole card, 760×480 pixels or larger.',
  ko: '카드 전체가 선명하게 보이는 760×480 픽셀 이상의 JPEG 또는 PNG 사진을 사용하세요.',
};
const checkEnvelope: Localised = {
  en: 'The envelope encryption did not match what the service expected. Re-check the connection to fetch a fresh public key, then retry.',
  ko: '전자 봉투 암호화가 서비스와 맞지 않습니다. 연결을 다시 확인해 새 공개 키를 받은 뒤 다시 시도하세요.',
};
const checkConsole: Localised = {
  en: 'Check the project and the service in the NHN Cloud console.',
  ko: 'NHN Cloud 콘솔에서 프로젝트와 서비스 설정을 확인하세요.',
};

export const RESULT_CODES: Readonly<Record<number, ResultCodeInfo>> = {
  0: { key: 'SUCCESS', message: { en: 'Success.', ko: '성공했습니다.' } },
  [-1]: { key: 'FAIL', message: { en: 'Unknown error.', ko: '알 수 없는 오류입니다.' }, hint: retryLater },
  400: { key: 'BAD_REQUEST', message: { en: 'The request was malformed.', ko: '요청 형식이 잘못되었습니다.' } },
  401: {
    key: 'UNAUTHORIZED',
    message: { en: 'Not authorised.', ko: '인증되지 않았습니다.' },
    hint: { en: 'Check the secret key or access token.', ko: '시크릿 키 또는 액세스 토큰을 확인하세요.' },
  },
  403: {
    key: 'FORBIDDEN',
    message: { en: 'Access is forbidden.', ko: '접근이 거부되었습니다.' },
    hint: checkConsole,
  },
  404: {
    key: 'NOT_FOUND',
    message: { en: 'Not found.', ko: '찾을 수 없습니다.' },
    hint: { en: 'Check the endpoint and the app key.', ko: '엔드포인트와 앱 키를 확인하세요.' },
  },
  405: { key: 'METHOD_NOT_ALLOWED', message: { en: 'Method not allowed.', ko: '허용되지 않는 메서드입니다.' } },
  415: {
    key: 'UNSUPPORTED_MEDIA_TYPE',
    message: { en: 'Unsupported media type.', ko: '지원하지 않는 미디어 형식입니다.' },
  },
  4000001: {
    key: 'INVALID_PARAMETER',
    message: { en: 'A request parameter is invalid.', ko: '요청 파라미터가 올바르지 않습니다.' },
  },
  4000002: {
    key: 'INVALID_FILE',
    message: { en: 'The file is invalid.', ko: '파일이 올바르지 않습니다.' },
    hint: checkImage,
  },
  4000003: {
    key: 'INVALID_FILE_TYPE',
    message: { en: 'The file is not a JPEG or PNG image.', ko: '파일이 JPEG 또는 PNG 이미지가 아닙니다.' },
    hint: {
      en: 'Convert the image to JPEG or PNG and try again.',
      ko: '이미지를 JPEG 또는 PNG로 변환한 뒤 다시 시도하세요.',
    },
  },
  4000004: {
    key: 'UPLOADED_FILE_IS_EMPTY',
    message: { en: 'The uploaded file is empty.', ko: '업로드한 파일이 비어 있습니다.' },
    hint: checkImage,
  },
  4000005: {
    key: 'MISSING_REQUIRED_HEADER',
    message: { en: 'A required request header is missing.', ko: '필수 요청 헤더가 없습니다.' },
    hint: {
      en: 'If a proxy sits in front of the service, make sure it forwards Authorization, X-Key-Version and Symmetric-Key.',
      ko: '프록시를 쓰는 경우 Authorization, X-Key-Version, Symmetric-Key 헤더를 전달하는지 확인하세요.',
    },
  },
  4000006: {
    key: 'API_CALL_LIMIT_EXCEEDED',
    message: { en: 'The API call limit was exceeded.', ko: 'API 호출 한도를 초과했습니다.' },
    hint: {
      en: 'Wait and retry, or ask NHN Cloud customer service to raise the limit.',
      ko: '잠시 후 다시 시도하거나 NHN Cloud 고객 센터에 한도 조정을 요청하세요.',
    },
  },
  4000111: {
    key: 'CREDIT_CARD_INFO_NOT_FOUND',
    message: { en: 'No credit card was recognised in the image.', ko: '이미지에서 신용카드를 인식하지 못했습니다.' },
    hint: checkImage,
  },
  4000121: {
    key: 'ID_CARD_INFO_NOT_FOUND',
    message: { en: 'No ID card was recognised in the image.', ko: '이미지에서 신분증을 인식하지 못했습니다.' },
    hint: checkImage,
  },
  4000122: {
    key: 'AUTHENTICITY_REQUEST_KEY_INVALID',
    message: {
      en: 'The Request-Key is invalid, expired (it lasts one hour) or already used.',
      ko: 'Request-Key가 올바르지 않거나, 만료되었거나(유효 시간 1시간), 이미 사용되었습니다.',
    },
    hint: {
      en: 'Analyse the ID card again to get a new Request-Key, then verify.',
      ko: '신분증을 다시 분석해 새 Request-Key를 받은 뒤 진위 확인을 하세요.',
    },
  },
  4000123: {
    key: 'REGISTRATION_CARD_AUTHENTICATION_LOCKED',
    message: {
      en: 'Verification for this registration card is locked after 5 wrong issue dates.',
      ko: '발급일자를 5회 잘못 입력해 이 주민등록증의 진위 확인이 잠겼습니다.',
    },
    hint: {
      en: 'The card holder must unlock it through the Government24 (정부24) service before it can be verified again.',
      ko: '카드 소유자가 정부24에서 잠금을 해제해야 다시 확인할 수 있습니다.',
    },
  },
  4000301: {
    key: 'INVALID_KEY_VERSION',
    message: { en: 'The public key version is out of date.', ko: '공개 키 버전이 최신이 아닙니다.' },
    hint: {
      en: 'Re-check the connection to fetch the current public key.',
      ko: '연결을 다시 확인해 현재 공개 키를 받으세요.',
    },
  },
  4000302: {
    key: 'INVALID_SYMMETRIC_KEY',
    message: { en: 'The service could not unwrap the symmetric key.', ko: '서비스가 대칭 키를 복호화하지 못했습니다.' },
    hint: checkEnvelope,
  },
  4000303: {
    key: 'INVALID_ENCRYPTED_DATA',
    message: {
      en: 'The service could not decrypt the request data.',
      ko: '서비스가 요청 데이터를 복호화하지 못했습니다.',
    },
    hint: checkEnvelope,
  },
  4000401: {
    key: 'SERVICE_NOT_ENABLED',
    message: {
      en: 'Document OCR is not enabled for this project.',
      ko: '이 프로젝트에서 Document OCR이 활성화되지 않았습니다.',
    },
    hint: {
      en: 'Enable Document OCR (submit the service use request) in the NHN Cloud console.',
      ko: 'NHN Cloud 콘솔에서 Document OCR 서비스 이용 신청을 하세요.',
    },
  },
  4000402: {
    key: 'SERVICE_USE_REQUEST_ALREADY_IN_PROGRESS',
    message: { en: 'The service use request is still being processed.', ko: '서비스 이용 신청이 처리 중입니다.' },
    hint: { en: 'Wait for NHN Cloud to approve it.', ko: 'NHN Cloud의 승인을 기다리세요.' },
  },
  4000403: {
    key: 'SERVICE_USE_REQUEST_NOT_IN_PROGRESS',
    message: { en: 'There is no service use request in progress.', ko: '진행 중인 서비스 이용 신청이 없습니다.' },
    hint: checkConsole,
  },
  4000404: {
    key: 'SERVICE_ALREADY_ENABLED',
    message: { en: 'The service is already enabled.', ko: '서비스가 이미 활성화되어 있습니다.' },
  },
  4010001: {
    key: 'INVALID_APPKEY_SECRETKEY',
    message: { en: 'The app key or secret key is wrong.', ko: '앱 키 또는 시크릿 키가 올바르지 않습니다.' },
    hint: {
      en: 'Copy both from URL & Appkey in the NHN Cloud console.',
      ko: 'NHN Cloud 콘솔의 URL & Appkey 메뉴에서 두 값을 다시 복사하세요.',
    },
  },
  4010002: {
    key: 'INVALID_UUID',
    message: { en: 'Invalid user ID.', ko: '사용자 ID가 올바르지 않습니다.' },
  },
  4010003: {
    key: 'NOT_ALLOWED_USER',
    message: { en: 'This user is not allowed.', ko: '허용되지 않은 사용자입니다.' },
    hint: checkConsole,
  },
  4010004: {
    key: 'INVALID_PROJECT',
    message: { en: 'The project is invalid.', ko: '프로젝트가 올바르지 않습니다.' },
    hint: checkConsole,
  },
  4010005: {
    key: 'UNAUTHORIZED_ROLE',
    message: { en: 'Your role does not allow this.', ko: '권한(역할)이 없습니다.' },
    hint: {
      en: 'Ask a project admin for the Document OCR role.',
      ko: '프로젝트 관리자에게 Document OCR 역할을 요청하세요.',
    },
  },
  4010006: {
    key: 'INVALID_TOKEN',
    message: { en: 'The access token is invalid or expired.', ko: '액세스 토큰이 올바르지 않거나 만료되었습니다.' },
    hint: {
      en: 'Issue a new User Access Key token and paste it.',
      ko: '새 User Access Key 토큰을 발급받아 입력하세요.',
    },
  },
  4010007: {
    key: 'PERMISSION_DENIED',
    message: { en: 'Permission denied.', ko: '권한이 거부되었습니다.' },
    hint: checkConsole,
  },
  4041007: {
    key: 'URL_NOT_FOUND',
    message: { en: 'The URL does not exist on the service.', ko: '서비스에 없는 URL입니다.' },
    hint: { en: 'Check the endpoint (base URL) and the app key.', ko: '엔드포인트(기본 URL)와 앱 키를 확인하세요.' },
  },
  4131000: {
    key: 'MAX_UPLOAD_SIZE_EXCEEDED',
    message: {
      en: 'The file is larger than the service accepts (20 MB).',
      ko: '파일이 서비스 허용 크기(20MB)보다 큽니다.',
    },
    hint: { en: 'Shrink the image below 20 MB and try again.', ko: '이미지를 20MB 미만으로 줄인 뒤 다시 시도하세요.' },
  },
  5000001: {
    key: 'INTERNAL_API_FAIL',
    message: { en: 'Internal API failure.', ko: '내부 API 오류입니다.' },
    hint: retryLater,
  },
  5000002: {
    key: 'ERROR_PARSING_FAIL',
    message: { en: 'Internal parsing failure.', ko: '내부 파싱 오류입니다.' },
    hint: retryLater,
  },
  5000003: {
    key: 'DATABASE_FAIL',
    message: { en: 'Database error at the service.', ko: '서비스 데이터베이스 오류입니다.' },
    hint: retryLater,
  },
  5000004: {
    key: 'RESOURCE_DELETE_FAIL',
    message: { en: 'The service could not delete some resources.', ko: '서비스가 일부 리소스를 삭제하지 못했습니다.' },
    hint: retryLater,
  },
  5000005: {
    key: 'FILE_READ_FAIL',
    message: { en: 'The service could not read the file.', ko: '서비스가 파일을 읽지 못했습니다.' },
    hint: checkImage,
  },
  5000006: {
    key: 'DECRYPT_FAIL',
    message: { en: 'The service failed to decrypt the request.', ko: '서비스가 요청을 복호화하지 못했습니다.' },
    hint: checkEnvelope,
  },
  5000007: {
    key: 'ENCRYPT_FAIL',
    message: { en: 'The service failed to encrypt the response.', ko: '서비스가 응답을 암호화하지 못했습니다.' },
    hint: retryLater,
  },
  5000503: {
    key: 'API_TEMPORARILY_UNAVAILABLE',
    message: { en: 'The API is temporarily unavailable.', ko: 'API를 일시적으로 사용할 수 없습니다.' },
    hint: { en: 'Try again in a few minutes.', ko: '몇 분 후 다시 시도하세요.' },
  },
  5003011: {
    key: 'OCR_DOCUMENT_CREDIT_CARD_API_FAIL',
    message: { en: 'The credit-card recognition engine failed.', ko: '신용카드 인식 엔진에 오류가 발생했습니다.' },
    hint: retryLater,
  },
  5003012: {
    key: 'OCR_DOCUMENT_CREDIT_CARD_API_RETURN_EMPTY',
    message: { en: 'The credit-card engine returned nothing.', ko: '신용카드 인식 엔진이 빈 결과를 반환했습니다.' },
    hint: retryLater,
  },
  5003013: {
    key: 'OCR_DOCUMENT_CREDIT_CARD_RECOGNITION_FAIL',
    message: {
      en: 'The credit-card engine could not read this card.',
      ko: '신용카드 인식 엔진이 이 카드를 읽지 못했습니다.',
    },
    hint: checkImage,
  },
  5003021: {
    key: 'OCR_DOCUMENT_ID_CARD_API_FAIL',
    message: { en: 'The ID-card recognition engine failed.', ko: '신분증 인식 엔진에 오류가 발생했습니다.' },
    hint: retryLater,
  },
  5003022: {
    key: 'OCR_DOCUMENT_ID_CARD_API_RETURN_EMPTY',
    message: { en: 'The ID-card engine returned nothing.', ko: '신분증 인식 엔진이 빈 결과를 반환했습니다.' },
    hint: retryLater,
  },
  5003023: {
    key: 'OCR_DOCUMENT_ID_CARD_RECOGNITION_FAIL',
    message: {
      en: 'The ID-card engine could not read this card.',
      ko: '신분증 인식 엔진이 이 신분증을 읽지 못했습니다.',
    },
    hint: checkImage,
  },
};

const UNKNOWN: Omit<ResultCodeInfo, 'key'> = {
  message: { en: 'The service reported an error this app does not know.', ko: '앱이 알지 못하는 서비스 오류입니다.' },
  hint: retryLater,
};

export function describeResultCode(code: number, resultKey?: string): ResultCodeInfo {
  return RESULT_CODES[code] ?? { key: resultKey ?? `UNKNOWN_${code}`, ...UNKNOWN };
}
