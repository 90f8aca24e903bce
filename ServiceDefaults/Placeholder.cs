namespace ZodiaCore.ServiceDefaults;
