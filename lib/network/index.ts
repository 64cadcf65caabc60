export * from './ip-planner';
export * from './spoke-network';
