// Chapter 9's exercises (being written).
export default [];
