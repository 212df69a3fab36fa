/**
 * Roles an installed app brings (a sample of frappe v15's and ERPNext's standard roles, enough to
 * tell "every role" from "System Manager alone"): add-system-manager gives a user every role but
 * the automatic ones, and the REST server lists them under /api/resource/Role.
 */
const BY_APP: Readonly<Record<string, readonly string[]>> = {
  frappe: ['Administrator', 'Guest', 'All', 'Desk User', 'System Manager', 'Website Manager', 'Report Manager', 'Workspace Manager', 'Dashboard Manager'],
  erpnext: ['Accounts Manager', 'Accounts User', 'Sales Manager', 'Sales User', 'Purchase Manager', 'Purchase User', 'Stock Manager', 'Stock User'],
};

export const AUTOMATIC_ROLES: readonly string[] = ['Administrator', 'Guest', 'All', 'Desk User'];

export const rolesFor = (apps: readonly string[]): string[] => apps.flatMap((a) => BY_APP[a] ?? []);

/** frappe.utils.user.add_system_manager's roles. */
export const systemManagerRoles = (apps: readonly string[]): string[] => rolesFor(apps).filter((r) => !AUTOMATIC_ROLES.includes(r));
