// A Korean resident card or driver's licence for the reader's Korean set: the digit fields as the Latin
// set draws them, with the Hangul fields where the real cards print them: the name above the resident
// number, a licence's classes beside its number, the issuer under the issue date.
import { LICENCE_ISSUERS, LICENCE_TYPES, RESIDENT_CARD_ISSUERS } from '../../src/reader/korean/korean-sets';
import { issueDate, licenceNumber, residentNumber, type Random } from './random';
import type { TextItem, Truth } from './layout';

/** Korean fonts on Debian's fonts-noto-cjk, fonts-nanum and fonts-unfonts-core (fc-list :lang=ko). */
export const KOREAN_FONTS = [
  'Noto Sans CJK KR',
  'Noto Serif CJK KR',
  'NanumGothic',
  'NanumMyeongjo',
  'UnDotum',
] as const;

// Surnames by how many people bear them (the first four are about half of all Koreans), and given-name syllables.
const SURNAME_DRAW =
  '김 김 김 김 이 이 이 박 박 최 정 강 조 윤 장 임 한 오 서 신 권 황 안 송 류 전 홍 고 문 양 손 배 백 허 남궁 제갈 옹 함 변 탁'.split(
    ' ',
  );
const GIVEN =
  '민 서 준 지 현 우 영 수 진 하 윤 은 연 예 도 호 아 성 재 태 주 희 경 혜 원 승 동 상 정 훈 유 채 다 소 나 시 규 석 혁 철 미 선 숙 자 순 옥 길 건 빈 율 람 솔'.split(
    ' ',
  );
const ROADS = ['세종대로', '종로', '테헤란로', '중앙로', '해운대로', '문화로', '시청로', '대학로'];

type Text = (t: Omit<TextItem, 'font' | 'color' | 'bold' | 'spacing' | 'embossed'> & Partial<TextItem>) => TextItem;

export function koreanName(r: Random): string {
  const surname = r.pick(SURNAME_DRAW);
  const given = r.chance(0.85) ? 2 : 1;
  return surname + Array.from({ length: given }, () => r.pick(GIVEN)).join('');
}

export function koreanIdItems(
  r: Random,
  w: number,
  h: number,
  text: Text,
  idType: 'resident' | 'driver',
  fonts: readonly string[],
) {
  const driver = idType === 'driver';
  const hangulFont = r.pick(fonts);
  const digitFont = r.pick(fonts);
  const resident = residentNumber(r);
  const issued = issueDate(r);
  const name = koreanName(r);
  const issuer = driver ? r.pick(LICENCE_ISSUERS) : r.pick(RESIDENT_CARD_ISSUERS);
  const size = Math.round(h * r.range(0.06, 0.072));
  const x0 = w * r.range(0.05, 0.08);
  const k = (t: Parameters<Text>[0]) => text({ font: hangulFont, ...t });
  const items: TextItem[] = [
    k({ text: driver ? '자동차운전면허증' : '주민등록증', x: x0, y: h * 0.14, size: Math.round(h * 0.07), bold: true }),
    text({ text: 'SPECIMEN', x: w * 0.6, y: h * 0.14, size: Math.round(h * 0.045) }),
  ];
  let y = h * (driver ? 0.27 : 0.3);
  const row = () => (y += size * r.range(1.55, 1.8));
  let licence: string | undefined;
  let licenseType: string | undefined;
  if (driver) {
    licence = licenceNumber(r);
    const types = r.chance(0.2)
      ? [r.pick(LICENCE_TYPES.slice(0, 3)), r.pick(LICENCE_TYPES.slice(8))]
      : [r.pick(LICENCE_TYPES)];
    licenseType = types.join('/');
    // The classes above the number, as on the card since 2017; the number alone on its row.
    items.push(k({ text: types.join('  '), x: x0, y, size: Math.round(size * 0.85), field: 'licenseType' }));
    row();
    items.push(text({ text: licence, x: x0, y, size, font: digitFont, field: 'driverLicenseNumber' }));
    row();
  }
  items.push(k({ text: name, x: x0, y, size: Math.round(size * 1.15), bold: r.chance(0.5), field: 'name' }));
  row();
  items.push(text({ text: resident, x: x0, y, size, font: digitFont, field: 'residentNumber' }));
  row();
  const road = `${r.pick(ROADS)} ${r.int(1, 300)}`;
  items.push(
    k({ text: driver ? `적성검사 ${r.int(2027, 2034)}.01.01~12.31` : road, x: x0, y, size: Math.round(size * 0.75) }),
  );
  const dateAt = h * r.range(0.76, 0.8);
  items.push(
    text({
      text: issued,
      x: w * r.range(0.32, 0.4),
      y: dateAt,
      size: Math.round(size * 0.85),
      font: digitFont,
      field: 'issueDate',
    }),
  );
  items.push(
    k({
      text: issuer,
      x: w * r.range(0.22, 0.3),
      y: dateAt + size * r.range(1.5, 1.8),
      size: Math.round(size * 0.95),
      bold: true,
      field: 'issuer',
    }),
  );
  const truth: Truth = {
    service: 'id-card',
    idType,
    residentNumber: resident,
    issueDate: issued,
    ...(licence && { driverLicenseNumber: licence, licenseType }),
    name,
    issuer,
  };
  return { items, truth };
}
