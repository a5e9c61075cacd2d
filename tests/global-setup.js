// Dates in golden files are rendered in UTC whatever the machine's zone.
module.exports = async () => { process.env.TZ = 'UTC'; };
