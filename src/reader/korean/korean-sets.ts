// The closed sets a Korean ID card's Hangul fields come from, as public administrative knowledge has them
// (the Local Autonomy Act's local governments, the police agencies, the Road Traffic Act's licence classes).
// Kept as space-separated words so the table stays a table; former names stay, since older cards carry them.

const words = (s: string) => s.trim().split(/\s+/);

/** Province or metropolitan city → its autonomous districts (구), counties (군) and cities (시). */
const LOCAL_GOVERNMENTS: Record<string, string> = {
  서울특별시:
    '종로구 중구 용산구 성동구 광진구 동대문구 중랑구 성북구 강북구 도봉구 노원구 은평구 서대문구 마포구 양천구 강서구 ' +
    '구로구 금천구 영등포구 동작구 관악구 서초구 강남구 송파구 강동구',
  부산광역시:
    '중구 서구 동구 영도구 부산진구 동래구 남구 북구 해운대구 사하구 금정구 강서구 연제구 수영구 사상구 기장군',
  대구광역시: '중구 동구 서구 남구 북구 수성구 달서구 달성군 군위군',
  인천광역시: '중구 동구 미추홀구 남구 연수구 남동구 부평구 계양구 서구 강화군 옹진군 제물포구 영종구 검단구',
  광주광역시: '동구 서구 남구 북구 광산구',
  대전광역시: '동구 중구 서구 유성구 대덕구',
  울산광역시: '중구 남구 동구 북구 울주군',
  경기도:
    '수원시 성남시 의정부시 안양시 부천시 광명시 평택시 동두천시 안산시 고양시 과천시 구리시 남양주시 오산시 시흥시 ' +
    '군포시 의왕시 하남시 용인시 파주시 이천시 안성시 김포시 화성시 광주시 양주시 포천시 여주시 연천군 가평군 양평군',
  강원특별자치도:
    '춘천시 원주시 강릉시 동해시 태백시 속초시 삼척시 홍천군 횡성군 영월군 평창군 정선군 철원군 화천군 양구군 인제군 ' +
    '고성군 양양군',
  충청북도: '청주시 충주시 제천시 보은군 옥천군 영동군 증평군 진천군 괴산군 음성군 단양군',
  충청남도: '천안시 공주시 보령시 아산시 서산시 논산시 계룡시 당진시 금산군 부여군 서천군 청양군 홍성군 예산군 태안군',
  전북특별자치도: '전주시 군산시 익산시 정읍시 남원시 김제시 완주군 진안군 무주군 장수군 임실군 순창군 고창군 부안군',
  전라남도:
    '목포시 여수시 순천시 나주시 광양시 담양군 곡성군 구례군 고흥군 보성군 화순군 장흥군 강진군 해남군 영암군 무안군 ' +
    '함평군 영광군 장성군 완도군 진도군 신안군',
  경상북도:
    '포항시 경주시 김천시 안동시 구미시 영주시 영천시 상주시 문경시 경산시 군위군 의성군 청송군 영양군 영덕군 청도군 ' +
    '고령군 성주군 칠곡군 예천군 봉화군 울진군 울릉군',
  경상남도:
    '창원시 진주시 통영시 사천시 김해시 밀양시 거제시 양산시 의령군 함안군 창녕군 고성군 남해군 하동군 산청군 함양군 ' +
    '거창군 합천군',
  제주특별자치도: '제주시 서귀포시',
};

/** Cities with non-autonomous districts (일반구), whose heads issue resident cards too. */
const CITY_DISTRICTS: Record<string, string> = {
  '경기도 수원시': '장안구 권선구 팔달구 영통구',
  '경기도 성남시': '수정구 중원구 분당구',
  '경기도 안양시': '만안구 동안구',
  '경기도 부천시': '원미구 소사구 오정구',
  '경기도 안산시': '상록구 단원구',
  '경기도 고양시': '덕양구 일산동구 일산서구',
  '경기도 용인시': '처인구 기흥구 수지구',
  '경기도 화성시': '만세구 효행구 병점구 동탄구',
  '충청북도 청주시': '상당구 서원구 흥덕구 청원구',
  '충청남도 천안시': '동남구 서북구',
  '전북특별자치도 전주시': '완산구 덕진구',
  '경상북도 포항시': '남구 북구',
  '경상남도 창원시': '의창구 성산구 마산합포구 마산회원구 진해구',
};

/** A province's former name, still on cards issued before the change. */
const FORMER_PROVINCE: Record<string, string> = { 강원특별자치도: '강원도', 전북특별자치도: '전라북도' };

const headOf = (unit: string) =>
  unit.endsWith('구') ? `${unit}청장` : unit.endsWith('군') ? `${unit}수` : `${unit}장`;

/** Who issues a resident registration card: the head of a local government, as the card prints it. */
export const RESIDENT_CARD_ISSUERS: readonly string[] = [
  ...new Set([
    '세종특별자치시장',
    ...Object.entries(LOCAL_GOVERNMENTS).flatMap(([province, units]) =>
      [province, FORMER_PROVINCE[province]]
        .filter(Boolean)
        .flatMap((name) => words(units).map((unit) => `${name} ${headOf(unit)}`)),
    ),
    ...Object.entries(CITY_DISTRICTS).flatMap(([city, districts]) => {
      const [province, name] = city.split(' ');
      return [province, FORMER_PROVINCE[province]]
        .filter(Boolean)
        .flatMap((p) => words(districts).map((district) => `${p} ${name} ${district}청장`));
    }),
  ]),
];

/** Police agencies by region: the 2021 names, their short forms, and the former regional agencies. */
const POLICE_REGIONS: [formal: string, short: string][] = [
  ['서울특별시', '서울'],
  ['부산광역시', '부산'],
  ['대구광역시', '대구'],
  ['인천광역시', '인천'],
  ['광주광역시', '광주'],
  ['대전광역시', '대전'],
  ['울산광역시', '울산'],
  ['세종특별자치시', '세종'],
  ['경기도남부', '경기남부'],
  ['경기도북부', '경기북부'],
  ['강원특별자치도', '강원'],
  ['강원도', '강원'],
  ['충청북도', '충북'],
  ['충청남도', '충남'],
  ['전북특별자치도', '전북'],
  ['전라북도', '전북'],
  ['전라남도', '전남'],
  ['경상북도', '경북'],
  ['경상남도', '경남'],
  ['제주특별자치도', '제주'],
];

/** Who issues a driver's licence: a police agency's head. */
export const LICENCE_ISSUERS: readonly string[] = [
  ...new Set(
    POLICE_REGIONS.flatMap(([formal, short]) => [`${formal}경찰청장`, `${short}경찰청장`, `${short}지방경찰청장`]),
  ),
];

/** Driver's licence classes (Road Traffic Act), with the special licences' kinds, old and new. */
export const LICENCE_TYPES: readonly string[] = [
  '1종 대형',
  '1종 보통',
  '1종 소형',
  '1종 특수(대형견인차)',
  '1종 특수(소형견인차)',
  '1종 특수(구난차)',
  '1종 특수(트레일러)',
  '1종 특수(레커)',
  '2종 보통',
  '2종 소형',
  '2종 원동기장치자전거',
];

/**
 * Korean surnames, the commonest first (김, 이, 박 and 최 alone cover about half the population), then
 * the rarer ones of more than a few thousand people, and two-syllable surnames.
 */
export const SURNAMES: readonly string[] = [
  ...new Set(
    words(`
  김 이 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 유 전 홍 고 문 양 손 배 백 허 남 심 노 하 곽 성 차 주 우 구
  민 진 나 지 엄 채 원 천 방 공 현 함 변 염 여 추 도 소 석 선 설 마 길 연 위 표 명 기 반 라 왕 금 옥 육 인 맹 제 모 탁
  국 어 은 편 용 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 갈 시 단 견 당 화 창 옹 순 빙
  종 풍 근 내 저 묵 돈 뇌 즙 판 군 개 계 독 미 야 초 후 요 이 편 秋
  남궁 황보 제갈 사공 선우 독고 서문 동방 어금 망절 을지 하후 무본 황목
`).filter((name) => /^[가-힣]+$/.test(name)),
  ),
];

/** The commonest surnames, about four people in five: a rare one read a letter away from one of these is likely a misread. */
export const COMMON_SURNAMES: readonly string[] = SURNAMES.slice(0, 30);
