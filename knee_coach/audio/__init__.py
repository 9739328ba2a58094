"""Sound cues: what each cue sounds like (Qt-free) and the players that sound them."""
