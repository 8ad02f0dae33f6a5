export default function FeatureRoute() {
  return null;
}
