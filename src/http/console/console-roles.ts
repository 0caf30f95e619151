import type { StaffRole } from "../../escalation/index.js";

/** How the consoles name each staff role. */
export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  staff: "Cán bộ",
  supervisor: "Giám sát",
  admin: "Quản trị",
};

/** Who may see and download the reports to the Department of Justice (the guards and the menu agree). */
export const REPORT_ROLES: readonly StaffRole[] = ["supervisor", "admin"];
