[assembly: System.Resources.NeutralResourcesLanguage("de")]
