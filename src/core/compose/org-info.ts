/** Organisation details the engine fills into texts (from config; demo values are marked). */
export interface OrgInfo {
  readonly name: string;
  readonly legalAidCenterName: string;
  readonly legalAidAddress: string;
  readonly legalAidPhone: string;
  readonly openingHours: string;
}

/** Replaces `{{org.x}}` placeholders; an unknown placeholder is left out rather than shown raw. */
export function fillPlaceholders(text: string, org: OrgInfo): string {
  return text.replace(/\{\{\s*org\.(\w+)\s*\}\}/g, (_, key: string) =>
    key in org ? String(org[key as keyof OrgInfo]) : "",
  );
}
