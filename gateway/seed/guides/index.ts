/**
 * Demo service guides (办事指南) of the Zhungeer Banner government service center, one file per
 * single window. Item names follow the national implementation lists. Codes are illustrative but
 * unique: implementation code = department credit code + level digit (4, county) + basic code;
 * basic code = type (00 许可, 04 给付, 06 确认, 09 其他, 20 公共服务) + department + item + sub-item.
 */
import type { Guide } from '../../../models/guide';
import { agricultureGuides } from './agriculture';
import { constructionGuides } from './construction';
import { marketAccessGuides } from './market-access';
import { socialAffairsGuides } from './social-affairs';

/** A guide as seeded: the database assigns _id and timestamps; status and version are set on insert. */
export type SeedGuide = Omit<Guide, '_id' | 'createdAt' | 'updatedAt' | 'status' | 'version'>;

export const demoGuides: SeedGuide[] = [
  ...marketAccessGuides,
  ...constructionGuides,
  ...agricultureGuides,
  ...socialAffairsGuides,
];
