export default function InitiativesRoute() {
  return null;
}
