/** Demo staff accounts, one per role, created only with the demo data. */
import type { StaffRole } from '../../models/staff';

export const DEMO_STAFF_PASSWORD = 'Demo@2026';

export interface SeedStaff {
  username: string;
  displayName: string;
  roles: StaffRole[];
  servicePoint?: string;
  window?: string;
  department?: string;
  chiefRepresentative?: boolean;
}

export const demoStaff: SeedStaff[] = [
  { username: 'clerk', displayName: '王晓燕（市场准入窗口）', roles: ['clerk'], servicePoint: 'banner-hall', window: 'market' },
  { username: 'clerk2', displayName: '刘建军（社会事业窗口）', roles: ['clerk'], servicePoint: 'banner-hall', window: 'social' },
  { username: 'township-clerk', displayName: '高娜（大路镇综合窗口）', roles: ['clerk'], servicePoint: 'dalu', window: 'T1' },
  { username: 'approver', displayName: '张伟（市场监督管理局）', roles: ['approver'], department: '准格尔旗市场监督管理局' },
  { username: 'chief', displayName: '李红梅（市场监管首席代表）', roles: ['clerk', 'approver'], servicePoint: 'banner-hall', window: 'market', department: '准格尔旗市场监督管理局', chiefRepresentative: true },
  { username: 'approver2', displayName: '赵刚（人力资源和社会保障局）', roles: ['approver'], department: '准格尔旗人力资源和社会保障局' },
  { username: 'supervisor', displayName: '陈静（效能监察）', roles: ['supervisor'] },
];
