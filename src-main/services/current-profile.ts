/** The settings row naming the profile in use on this computer (profile-service.ts owns it). */
export const CURRENT_PROFILE_KEY = 'local.currentProfileId';
