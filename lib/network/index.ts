export * from './ip-planner';
export * from './spoke-network';
export * from './subnet-security';
