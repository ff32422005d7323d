package bot

// stampLen is the length of the stamp of an article that the custom_ids of
// buttons carry besides what their handlers put in them, in characters of
// base64url.
const stampLen = 6

// customIDRoom is the length of the custom_ids a handler may give its
// buttons: Discord's limit, less the stamp and its colon.
const customIDRoom = limitCustomID - stampLen - 1
