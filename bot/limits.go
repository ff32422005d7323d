package bot

// Discord's limits on what a bot may send, in characters (runes), as Discord
// counts them. Rendering truncates to them, checkResponse and the registry
// test check against them; nothing else in the package repeats a number.
const (
	// Messages.
	limitContent        = 2000 // message content
	limitEmbeds         = 10   // embeds per message
	limitEmbedTotal     = 6000 // title, description, field names and values, footer and author of all embeds
	limitEmbedTitle     = 256
	limitEmbedDesc      = 4096
	limitEmbedFields    = 25
	limitFieldName      = 256
	limitFieldValue     = 1024
	limitFooterText     = 2048
	limitAuthorName     = 256
	limitEmbedURL       = 2048 // an embed's url
	limitActionRows     = 5    // action rows per message
	limitRowComponents  = 5    // buttons per action row
	limitCustomID       = 100
	limitButtonLabel    = 80
	limitButtonURL      = 512 // a link button's url
	limitChoices        = 25  // autocomplete choices
	limitChoiceName     = 100
	limitChoiceValue    = 100
	limitCommandName    = 32
	limitCommandDesc    = 100
	limitOptions        = 25 // options per command
	limitOptionName     = 32
	limitOptionDesc     = 100
	limitCommandTotal   = 8000 // names, descriptions and choice values of one command
	limitStringOptLen   = 6000 // max_length of a string option
	limitCommandsGlobal = 100  // chat input commands per application
)
